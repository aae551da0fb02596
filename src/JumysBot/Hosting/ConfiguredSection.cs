namespace JumysBot.Hosting;

/// <summary>A configuration section bound to an options type, for <see cref="ConfigurationCheck"/> to look over.</summary>
public sealed record ConfiguredSection(string Name, Type OptionsType);
