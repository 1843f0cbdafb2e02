namespace Concord.Storage.Directory;

/// <summary>Thrown when a directory write names something that already exists or does not exist.</summary>
public sealed class DirectoryConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DirectoryConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DirectoryConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DirectoryConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
