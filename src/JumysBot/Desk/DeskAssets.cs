namespace JumysBot.Desk;

/// <summary>
/// The desk's only script and style sheet, served by the bot itself (no build step, nothing from elsewhere). The script
/// takes Telegram's signed <c>initData</c> (from <c>Telegram.WebApp</c> when present, else from the address's
/// <c>#tgWebAppData</c> as Telegram passes it), sends it with every request as a header, and swaps the page it gets.
/// </summary>
public static class DeskAssets
{
    public const string Script = """
        (() => {
          'use strict';
          const saved = 'jumysbot.desk.initData';
          const fromHash = new URLSearchParams(location.hash.slice(1)).get('tgWebAppData');
          const fromTelegram = window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp.initData : '';
          const initData = fromTelegram || fromHash || sessionStorage.getItem(saved) || '';
          if (initData) { sessionStorage.setItem(saved, initData); }
          if (fromHash) { history.replaceState(null, '', location.pathname + location.search); }

          async function load(url, init, push, focus = true) {
            const response = await fetch(url, Object.assign({ credentials: 'omit' }, init, { headers: { 'X-Telegram-Init-Data': initData } }));
            const type = response.headers.get('Content-Type') || '';
            if (type.startsWith('text/csv')) {
              const name = (response.headers.get('Content-Disposition') || '').replace(/^.*filename="?([^";]+)"?.*$/, '$1') || 'export.csv';
              const link = document.createElement('a');
              link.href = URL.createObjectURL(await response.blob());
              link.download = name;
              document.body.appendChild(link);
              link.click();
              link.remove();
              return;
            }

            const page = new DOMParser().parseFromString(await response.text(), 'text/html');
            document.title = page.title;
            document.documentElement.lang = page.documentElement.lang;
            document.body.replaceWith(document.adoptNode(page.body));
            const address = response.headers.get('X-Desk-Address') || url;
            if (push) { history.pushState(null, '', address); } else { history.replaceState(null, '', address); }
            // After a step inside the desk, focus goes to what changed (the notice) or to the new page's heading;
            // the first page opens like any page, at the top, where the skip link is.
            const target = document.querySelector('[data-focus]') || document.querySelector('h1');
            if (target && focus) { target.setAttribute('tabindex', '-1'); target.focus(); }
          }

          document.addEventListener('click', event => {
            const link = event.target.closest('a[href^="/desk"]');
            if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
            event.preventDefault();
            load(link.getAttribute('href'), {}, true);
          });
          document.addEventListener('submit', event => {
            const form = event.target;
            if (!form.getAttribute('action').startsWith('/desk')) { return; }
            event.preventDefault();
            const fields = new URLSearchParams(new FormData(form, event.submitter));
            if (form.method.toLowerCase() === 'get') {
              const query = [...fields].filter(([, value]) => value !== '');
              load(form.getAttribute('action') + (query.length ? '?' + new URLSearchParams(query) : ''), {}, true);
            } else {
              load(form.getAttribute('action'), { method: 'POST', body: fields }, true);
            }
          });
          window.addEventListener('popstate', () => load(location.pathname + location.search, {}, false));
          load(location.pathname + location.search, {}, false, false);
        })();
        """;

    /// <summary>Black on white, large type, a thick focus ring, and marks that never rely on colour alone.</summary>
    public const string Styles = """
        :root { color: #000; background: #fff; font: 18px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
        body { margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; }
        a { color: #0033a0; text-decoration: underline; }
        a:visited { color: #4b0082; }
        :focus-visible { outline: 3px solid #000; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd400; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { position: static; display: inline-block; padding: .5rem; background: #ffd400; color: #000; }
        header { border-bottom: 2px solid #000; padding: .5rem 0; }
        header ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
        .brand { font-weight: 700; margin: 0; }
        .who { margin: .25rem 0 0; }
        h1 { font-size: 1.6rem; margin: 1rem 0 .5rem; }
        h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #000; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        caption { text-align: left; font-weight: 700; padding: .25rem 0; }
        fieldset { border: 2px solid #000; margin: .5rem 0; padding: .5rem 1rem 1rem; }
        legend { font-weight: 700; padding: 0 .25rem; }
        label { display: block; font-weight: 600; margin-top: .5rem; }
        label.inline { display: inline-flex; gap: .5rem; align-items: center; }
        input, select, textarea, button { font: inherit; color: #000; }
        input, select, textarea { border: 2px solid #000; background: #fff; padding: .3rem; max-width: 100%; }
        textarea { width: 100%; min-height: 6rem; box-sizing: border-box; }
        button { min-height: 44px; padding: .4rem 1rem; border: 2px solid #000; background: #0033a0; color: #fff; cursor: pointer; margin: .5rem .5rem 0 0; }
        button.secondary { background: #fff; color: #000; }
        .notice { border: 3px solid #000; background: #fff8c4; padding: .5rem; }
        .overdue { font-weight: 700; color: #8b0000; }
        .hint { margin: .25rem 0; }
        .chart { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .chart svg { flex: 0 0 auto; max-width: 100%; height: auto; }
        .chart table { flex: 1 1 16rem; width: auto; }
        ul.lines { padding-left: 1.2rem; }
        .scroll { overflow-x: auto; }
        .scroll table { min-width: 40rem; }
        input[type="checkbox"] { width: 1.5rem; height: 1.5rem; }
        """;
}
