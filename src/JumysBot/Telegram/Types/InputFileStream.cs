using System.Diagnostics.CodeAnalysis;

namespace JumysBot.Telegram.Types;

/// <summary>
/// A file to upload. The stream is read once and disposed with the request that carries it,
/// so a retry needs a new instance.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Telegram.Bot's name for it.")]
public sealed record InputFileStream(Stream Content, string FileName);
