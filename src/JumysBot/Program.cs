using JumysBot.Hosting;

// No appsettings file ships, and settings are read once. A reload watcher would watch the working directory with
// everything under it, the database's folder included, and wake up on every write.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddJumysBot();
using var app = builder.Build();
if (ConfigurationCheck.Run(app.Services, Console.Error) is var problem and not 0)
{
    return problem;
}

app.MapJumysBot();
return await app.RunJumysBotAsync(args);
