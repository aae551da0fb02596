using Xunit.Abstractions;
using Xunit.Sdk;

namespace JumysBot.Tests.Storage.Stores;

/// <summary>
/// A fact that runs on the store of its test class. In a class on PostgreSQL (one with a <see cref="PostgresTestStore"/>
/// fixture) it shows as skipped, with the reason, when no test server is configured outside CI; in CI it runs and fails.
/// </summary>
[XunitTestCaseDiscoverer("JumysBot.Tests.Storage.Stores.StoreFactDiscoverer", "JumysBot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (PostgresTestServer.SkipReason is { } reason && UsesPostgres(testMethod.TestClass.Class.ToRuntimeType()))
        {
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }

    private static bool UsesPostgres(Type testClass) => testClass.GetInterfaces().Contains(typeof(IClassFixture<PostgresTestStore>));
}
