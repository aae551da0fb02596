namespace JumysBot.Tests.Telegram;

public sealed record RecordedFile(string FileName, byte[] Content);
