using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using JumysBot.Telegram;

namespace JumysBot.Hosting;

/// <summary>
/// Listens to the bot's meter and renders what it measured in the Prometheus text format: counters as totals,
/// histograms as cumulative buckets with sum and count, gauges as their last value.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] _bounds = [0.5, 1, 2, 3, 4, 5, 10, 25, 50, 100, 250, 1000];

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, (string Type, string Help)> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Labels), double> _values = [];
    private readonly Dictionary<(string Name, string Labels), Histogram> _histograms = [];

    public PrometheusExporter(BotMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This host's meter only: several hosts in one process (the tests) each have a meter of that name.
            if (instrument.Meter == metrics.Meter)
            {
                lock (_gate)
                {
                    var type = instrument switch
                    {
                        Counter<long> or Counter<double> => "counter",
                        Histogram<double> or Histogram<long> => "histogram",
                        _ => "gauge",
                    };
                    _families[Name(instrument)] = (type, instrument.Description ?? "");
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var (name, (type, help)) in _families)
            {
                text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
                if (type == "histogram")
                {
                    foreach (var ((_, labels), histogram) in _histograms.Where(h => h.Key.Name == name))
                    {
                        var cumulative = 0L;
                        for (var i = 0; i < _bounds.Length; i++)
                        {
                            cumulative += histogram.Buckets[i];
                            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{Labels(labels, $"le=\"{_bounds[i]}\"")} {cumulative}\n");
                        }

                        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{Labels(labels, "le=\"+Inf\"")} {histogram.Count}\n");
                        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{Labels(labels, null)} {histogram.Sum}\n");
                        text.Append(CultureInfo.InvariantCulture, $"{name}_count{Labels(labels, null)} {histogram.Count}\n");
                    }

                    continue;
                }

                foreach (var ((_, labels), value) in _values.Where(v => v.Key.Name == name))
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{Labels(labels, null)} {value}\n");
                }
            }
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var name = Name(instrument);
        var labels = string.Join(',', tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{t.Key}=\"{Convert.ToString(t.Value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""));
        lock (_gate)
        {
            switch (instrument)
            {
                case Counter<long> or Counter<double>:
                    _values[(name, labels)] = _values.GetValueOrDefault((name, labels)) + value;
                    break;
                case Histogram<double> or Histogram<long>:
                    if (!_histograms.TryGetValue((name, labels), out var histogram))
                    {
                        _histograms[(name, labels)] = histogram = new Histogram();
                    }

                    var bucket = Array.FindIndex(_bounds, b => value <= b);
                    if (bucket >= 0)
                    {
                        histogram.Buckets[bucket]++;
                    }

                    histogram.Count++;
                    histogram.Sum += value;
                    break;
                default:
                    _values[(name, labels)] = value;
                    break;
            }
        }
    }

    private static string Name(Instrument instrument) => instrument is Counter<long> or Counter<double> ? instrument.Name + "_total" : instrument.Name;

    private static string Labels(string labels, string? extra)
    {
        var all = string.Join(',', new[] { labels, extra }.Where(s => !string.IsNullOrEmpty(s)));
        return all.Length == 0 ? "" : "{" + all + "}";
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Histogram
    {
        public long[] Buckets { get; } = new long[_bounds.Length];

        public long Count { get; set; }

        public double Sum { get; set; }
    }
}
