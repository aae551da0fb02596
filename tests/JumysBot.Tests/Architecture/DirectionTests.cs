namespace JumysBot.Tests.Architecture;

/// <summary>
/// Keeps the dependencies pointing one way: features use the conversation core and the pipeline, never the reverse,
/// and no two features lean on each other both ways. Read a failure as "folder A's type T uses folder B": move the
/// piece to the folder that owns it, or turn the call into a handler or an effect that the feature registers. An
/// exception that is truly needed is written in <see cref="Exceptions"/> with its reason.
/// </summary>
public sealed class DirectionTests
{
    /// <summary>What moves updates and messages, and the conversation core every feature builds on.</summary>
    private static readonly string[] _foundation = ["Updates", "Telegram", "Conversations", "Localization"];

    /// <summary>The features: each plugs itself in with its own AddXyz().</summary>
    private static readonly string[] _features = ["Catalog", "Leads", "Outreach", "Privacy", "Desk"];

    /// <summary>
    /// References that are known and allowed for now, each with its reason: (the using type, the folder it uses).
    /// Shrink this list; never grow it without a reason a reviewer accepts.
    /// </summary>
    private static readonly (string FromType, string ToFolder, string Reason)[] _exceptions = Exceptions;

    private static (string, string, string)[] Exceptions =>
    [
    ];

    private static IReadOnlyList<(string FromFolder, string FromType, string ToFolder)> Graph { get; } =
        FolderGraph.Read(typeof(JumysBot.Updates.UpdateProcessor).Assembly.Location);

    [Fact]
    public void The_pipeline_and_the_conversation_core_use_no_feature()
    {
        var wrong = Graph
            .Where(e => _foundation.Contains(e.FromFolder) && _features.Contains(e.ToFolder))
            .Where(e => !_exceptions.Any(x => x.FromType == e.FromType && x.ToFolder == e.ToFolder))
            .Select(e => $"{e.FromType} ({e.FromFolder}) uses {e.ToFolder}")
            .ToList();

        Assert.True(wrong.Count == 0, "The foundation must not know a feature:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void No_two_features_use_each_other_both_ways()
    {
        var between = Graph
            .Where(e => _features.Contains(e.FromFolder) && _features.Contains(e.ToFolder))
            .Where(e => !_exceptions.Any(x => x.FromType == e.FromType && x.ToFolder == e.ToFolder))
            .ToList();
        var cycles = between
            .Where(e => between.Any(back => back.FromFolder == e.ToFolder && back.ToFolder == e.FromFolder))
            .Select(e => $"{e.FromType} ({e.FromFolder}) uses {e.ToFolder}")
            .ToList();

        Assert.True(cycles.Count == 0, "Two features use each other both ways:\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void The_processor_has_at_most_six_dependencies()
    {
        // Features plug into the handler chain; the processor itself grows no parameter for them.
        var constructor = Assert.Single(typeof(JumysBot.Updates.UpdateProcessor).GetConstructors());

        Assert.InRange(constructor.GetParameters().Length, 1, 6);
    }

    [Fact]
    public void The_graph_is_read_from_the_assembly()
    {
        // A reader that found nothing would pass every rule above.
        Assert.Contains(Graph, e => e.FromFolder == "Leads" && e.ToFolder == "Updates");
        Assert.Contains(Graph, e => e.FromFolder == "Hosting" && e.ToFolder == "Leads");
    }

    [Fact]
    public void Every_exception_is_still_needed()
    {
        // Needed: the reference exists and breaks a rule, the foundation using a feature, or a feature using one that
        // uses it back.
        var unused = _exceptions.Where(x => !Graph.Any(e => e.FromType == x.FromType && e.ToFolder == x.ToFolder
            && (_foundation.Contains(e.FromFolder) || Graph.Any(back => back.FromFolder == e.ToFolder && back.ToFolder == e.FromFolder)))).ToList();

        Assert.True(unused.Count == 0, "Remove these exceptions, the code no longer needs them:\n" + string.Join('\n', unused.Select(x => $"{x.FromType} → {x.ToFolder}")));
    }
}
