using JumysBot.Hosting;

NativeHeapLimit.Apply();
var builder = WebApplication.CreateBuilder(args);
builder.AddJumysBot();
using var app = builder.Build();
app.MapJumysBot();
return await app.RunJumysBotAsync(args);
