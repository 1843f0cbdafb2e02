using Xunit.Sdk;

namespace Concord.Storage.Tests.Backends;

/// <summary>A data-driven contract test: like <see cref="ContractFactAttribute"/>, skipped or failing on PostgreSQL the same way.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Concord.Storage.Tests.Backends.ContractTheoryDiscoverer", "Concord.Storage.Tests")]
public sealed class ContractTheoryAttribute : TheoryAttribute;
