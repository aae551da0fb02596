using JumysBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddJumysBot();
using var app = builder.Build();
return await app.RunJumysBotAsync(args);
