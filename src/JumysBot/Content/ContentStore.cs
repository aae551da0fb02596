using JumysBot.Hosting;
using JumysBot.Localization;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace JumysBot.Content;

/// <summary>
/// Holds the current content and reloads it when a file in the content folder changes, so operators can edit texts
/// without a restart. An edit that does not pass the checks is refused: the last good content stays, the log says why.
/// </summary>
public sealed partial class ContentStore : IDisposable, Localization.ITextSource
{
    private static readonly TimeSpan _settleTime = TimeSpan.FromMilliseconds(300);

    private readonly ILogger<ContentStore> _logger;
    private readonly PhysicalFileProvider? _files;
    private readonly IDisposable? _watch;
    private readonly Timer _reload;
    private BotContent _current;

    public ContentStore(IOptions<BotOptions> options, ILogger<ContentStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        Folder = ContentFolder(options.Value);
        _current = BotContent.Load(Folder);
        _reload = new Timer(_ => Reload());
        if (options.Value.WatchContent)
        {
            _files = new PhysicalFileProvider(Folder);
            _watch = ChangeToken.OnChange(() => _files.Watch("*.yaml"), OnFilesChanged);
        }
    }

    public string Folder { get; }

    public BotContent Current => Volatile.Read(ref _current);

    public Localization.TextCatalog Texts => Current.Texts;

    /// <summary>Counts successful reloads; tests and operators can see that an edit was taken.</summary>
    public int Version { get; private set; }

    /// <returns>True when the files were valid and are now in use.</returns>
    public bool Reload()
    {
        try
        {
            var content = BotContent.Load(Folder);
            Volatile.Write(ref _current, content);
            Version++;
            LogReloaded(content.Measures.Measures.Count);
            return true;
        }
        catch (Exception e) when (e is ContentException or IOException)
        {
            LogRefused(e.Message);
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // An edit of a shape no check foresaw: the running bot keeps what it had, and says what failed.
            LogRefused($"{e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    public static string ContentFolder(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ContentPath)
            ? Path.Combine(AppContext.BaseDirectory, "localization")
            : Path.GetFullPath(options.ContentPath);
    }

    // Editors write a file in several steps; wait until they settle, then load once.
    private void OnFilesChanged() => _reload.Change(_settleTime, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watch?.Dispose();
        _files?.Dispose();
        _reload.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reloaded: {Measures} measures")]
    private partial void LogReloaded(int measures);

    [LoggerMessage(Level = LogLevel.Error, Message = "A content edit was refused; the last good content stays in use. {Problems}")]
    private partial void LogRefused(string problems);
}
