namespace JumysBot.Catalog;

// The shape of measures.yaml as written by operators and translators; checked and turned into Measure by the loader.
#pragma warning disable CA1002, CA2227 // YamlDotNet fills these settable lists.

internal sealed class MeasuresFile
{
    public Dictionary<string, TextEntry> Categories { get; set; } = [];

    public Dictionary<string, TextEntry> Audiences { get; set; } = [];

    public List<MeasureEntry> Measures { get; set; } = [];
}

internal sealed class MeasureEntry
{
    public string Id { get; set; } = "";

    public string? Category { get; set; }

    public List<string> Audiences { get; set; } = [];

    public string? Region { get; set; }

    public List<string> Goals { get; set; } = [];

    public List<string> Ages { get; set; } = [];

    public TextEntry? Title { get; set; }

    public TextEntry? Summary { get; set; }

    public TextEntry? WhatYouGet { get; set; }

    public TextEntry? WhoCanApply { get; set; }

    public TextEntry? HowToApply { get; set; }

    public string? Action { get; set; }

    public string? Link { get; set; }

    public KeywordsEntry Keywords { get; set; } = new();

    public string? Source { get; set; }

    public List<string> Unverified { get; set; } = [];
}

internal sealed class TextEntry
{
    public string? Ru { get; set; }

    public string? Kk { get; set; }
}

internal sealed class KeywordsEntry
{
    public List<string> Ru { get; set; } = [];

    public List<string> Kk { get; set; } = [];
}
