using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace JumysBot.Storage;

/// <summary>
/// The rows of a read that went ahead in an earlier round trip (<see cref="HeldStatements"/>), kept in memory and read
/// again through the same <see cref="DbDataReader"/> calls the repositories make on a live reader.
/// </summary>
internal sealed class AnsweredRows : DbDataReader
{
    private readonly string[] _names;
    private readonly Type[] _types;
    private readonly List<object[]> _rows;
    private int _row = -1;
    private bool _closed;

    private AnsweredRows(string[] names, Type[] types, List<object[]> rows)
    {
        _names = names;
        _types = types;
        _rows = rows;
    }

    /// <summary>Reads the current result set of <paramref name="reader"/> to its end.</summary>
    public static async Task<AnsweredRows> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var names = new string[reader.FieldCount];
        var types = new Type[reader.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.GetName(i);
            types[i] = reader.GetFieldType(i);
        }

        var rows = new List<object[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object[names.Length];
            reader.GetValues(row);
            rows.Add(row);
        }

        return new AnsweredRows(names, types, rows);
    }

    /// <summary>A new cursor over the same rows, before the first.</summary>
    public AnsweredRows Open() => new(_names, _types, _rows);

    public override int FieldCount => _names.Length;

    public override bool HasRows => _rows.Count > 0;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read() => !_closed && ++_row < _rows.Count;

    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());

    public override bool NextResult() => false;

    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public override void Close() => _closed = true;

    public override string GetName(int ordinal) => _names[ordinal];

    public override int GetOrdinal(string name) =>
        Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");

    public override Type GetFieldType(int ordinal) => _types[ordinal];

    public override string GetDataTypeName(int ordinal) => _types[ordinal].Name;

    public override object GetValue(int ordinal) => _row >= 0 && _row < _rows.Count ? _rows[_row][ordinal] : throw new InvalidOperationException("No current row.");

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override bool IsDBNull(int ordinal) => GetValue(ordinal) is DBNull;

    public override bool GetBoolean(int ordinal) => Convert.ToBoolean(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => Convert.ToChar(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override DateTime GetDateTime(int ordinal) => Convert.ToDateTime(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override double GetDouble(int ordinal) => Convert.ToDouble(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override float GetFloat(int ordinal) => Convert.ToSingle(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override Guid GetGuid(int ordinal) => (Guid)GetValue(ordinal);

    public override short GetInt16(int ordinal) => Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override long GetInt64(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this);
}
