namespace Concord.Storage.Tests.Backends;

/// <summary>Marks a test class that runs the contract against PostgreSQL, so its <see cref="ContractFactAttribute"/> tests skip when no server is configured.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;
