using Xunit.Sdk;

namespace Concord.Storage.Tests.Backends;

/// <summary>
/// A contract test, written once in an abstract class and run by each backend's subclass. In a subclass marked
/// <see cref="RequiresPostgresAttribute"/> it is skipped with its reason while PostgreSQL is not configured
/// (see <see cref="PostgresEnvironment"/>), and fails when a server is required but missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Concord.Storage.Tests.Backends.ContractFactDiscoverer", "Concord.Storage.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
