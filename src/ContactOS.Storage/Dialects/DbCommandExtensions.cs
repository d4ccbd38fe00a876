using System.Data;
using System.Data.Common;
using System.Runtime.InteropServices;

namespace ContactOS.Storage.Dialects;

internal static class DbCommandExtensions
{
    /// <summary>
    /// Adds <c>@name</c>: both Npgsql and Microsoft.Data.Sqlite accept that placeholder, so one SQL text serves both.
    /// </summary>
    public static void AddParameter(this DbCommand command, string name, object value) => Add(command, name, value, null);

    /// <summary>
    /// Adds a bigint that may be null. The type is set explicitly so a null does not change the statement's parameter
    /// types, which would make PostgreSQL prepare it again.
    /// </summary>
    public static void AddParameter(this DbCommand command, string name, long? value) =>
        Add(command, name, value is { } number ? number : DBNull.Value, DbType.Int64);

    /// <summary>Adds a blob without copying when the memory is a whole array (the usual case after serialization).</summary>
    public static void AddParameter(this DbCommand command, string name, ReadOnlyMemory<byte> value) =>
        Add(command, name, AsWholeArray(value), DbType.Binary);

    /// <summary>
    /// The bytes as an array, without a copy when the memory already is one whole array: providers bind whole arrays
    /// only, and serializers usually hand over exactly that.
    /// </summary>
    public static byte[] AsWholeArray(ReadOnlyMemory<byte> value) =>
        MemoryMarshal.TryGetArray(value, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : value.ToArray();

    private static void Add(DbCommand command, string name, object value, DbType? type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
