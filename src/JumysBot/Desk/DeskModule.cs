using JumysBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JumysBot.Desk;

/// <summary>The desk plugs itself into the host: <see cref="AddDesk"/> with the bot's services, <see cref="MapDesk"/> with its endpoints.</summary>
public static class DeskModule
{
    public static IServiceCollection AddDesk(this IServiceCollection services)
    {
        services.AddOptions<DeskOptions>().BindConfiguration(DeskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()
            .Validate(o => o.BaseUrl is null || o.BaseUrl.Scheme == Uri.UriSchemeHttps || (o.BaseUrl.Scheme == Uri.UriSchemeHttp && o.BaseUrl.IsLoopback),
                "Desk:BaseUrl is the desk's public https address (Telegram opens Mini Apps only over https).");
        services.AddSingleton<IChatMembership, TelegramChatMembership>();
        services.AddSingleton<DeskAccess>();
        services.AddSingleton<DeskMenuButton>();
        services.AddSingleton<DeskPipeline>();
        services.AddSingleton<DeskPages>();
        services.AddSingleton<DeskDashboard>();
        services.AddHostedService<DeskInvitations>();
        services.AddSingleton<DeskNoteEraser>();
        services.AddHostedService(sp => sp.GetRequiredService<DeskNoteEraser>());
        return services;
    }

    /// <summary>Nothing is mapped when the desk is off (no <c>Desk:BaseUrl</c>) or the bot runs as a terminal chat.</summary>
    public static IEndpointRouteBuilder MapDesk(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().HasBotToken()
            || !app.ServiceProvider.GetRequiredService<IOptions<DeskOptions>>().Value.IsOn)
        {
            return app;
        }

        var desk = app.MapGroup("/desk");
        desk.MapGet("/assets/desk.js", (HttpContext http) => Asset(http, DeskAssets.Script, "text/javascript; charset=utf-8"));
        desk.MapGet("/assets/desk.css", (HttpContext http) => Asset(http, DeskAssets.Styles, "text/css; charset=utf-8"));
        desk.MapGet("/", (HttpContext http, DeskPipeline pipeline, DeskPages pages) => pipeline.RunAsync(http, pages.HomeAsync));
        desk.MapGet("/p/{pointId}", (HttpContext http, string pointId, DeskPipeline pipeline, DeskPages pages) =>
            pipeline.RunAsync(http, (d, c) => pages.ListAsync(d, pointId, c)));
        desk.MapGet("/p/{pointId}/export", (HttpContext http, string pointId, DeskPipeline pipeline, DeskPages pages) =>
            pipeline.RunAsync(http, (d, c) => pages.ExportFormAsync(d, pointId, c)));
        desk.MapPost("/p/{pointId}/export", (HttpContext http, string pointId, DeskPipeline pipeline, DeskPages pages) =>
            pipeline.RunAsync(http, (d, c) => pages.ExportAsync(d, pointId, c))).DisableAntiforgery();
        desk.MapGet("/leads/{number:long}", (HttpContext http, long number, DeskPipeline pipeline, DeskPages pages) =>
            pipeline.RunAsync(http, (d, c) => pages.LeadAsync(d, number, c)));
        desk.MapPost("/leads/{number:long}/status", (HttpContext http, long number, DeskPipeline pipeline, DeskPages pages) =>
            pipeline.RunAsync(http, (d, c) => pages.ChangeStatusAsync(d, number, c))).DisableAntiforgery();
        desk.MapPost("/leads/{number:long}/notes", (HttpContext http, long number, DeskPipeline pipeline, DeskPages pages) =>
            pipeline.RunAsync(http, (d, c) => pages.AddNoteAsync(d, number, c))).DisableAntiforgery();
        desk.MapGet("/dashboard", (HttpContext http, DeskPipeline pipeline, DeskDashboard dashboard) => pipeline.RunAsync(http, dashboard.PageAsync));
        return app;
    }

    private static IResult Asset(HttpContext http, string text, string contentType)
    {
        DeskPipeline.Secure(http.Response);
        return Results.Text(text, contentType);
    }
}
