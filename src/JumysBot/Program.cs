using JumysBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddJumysBot();
using var app = builder.Build();
app.MapJumysBot();
return await app.RunJumysBotAsync(args);
