using Xunit.Abstractions;
using Xunit.Sdk;

namespace Concord.Storage.Tests.Backends;

/// <summary>Finds <see cref="ContractTheoryAttribute"/> tests, skipping those of a PostgreSQL class while no server is configured.</summary>
public sealed class ContractTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && PostgresEnvironment.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }

        return base.Discover(discoveryOptions, testMethod, theoryAttribute);
    }
}
