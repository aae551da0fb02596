using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JumysBot.Storage;

/// <summary>
/// Encrypts personal fields at rest with AES-GCM when <c>Storage:EncryptionKey</c> is set: each value gets its own
/// nonce, is bound to its place (table, column and row key as associated data, so a ciphertext copied to another row or
/// column does not decrypt), and carries the id of its key so older keys (<c>Storage:PreviousEncryptionKeys</c>) still
/// read it after a rotation. The encryption key and the key id are derived from the configured key with HKDF, each for
/// its own purpose. Without a key, values pass through unchanged, except one that merely looks encrypted, which is
/// marked as plain so it reads back as typed. A value that cannot be decrypted (its key is gone, it was damaged, it was
/// moved from its place) reads as empty and is reported once, so it never fails every update of the person it belongs to.
/// </summary>
public sealed class FieldProtector
{
    /// <summary>Written before values were bound to their place: no associated data, the configured key itself.</summary>
    private const string UnboundMarker = "enc1:";
    private const string Marker = "enc2:";
    private const string PlainMarker = "raw1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int MaxReported = 10_000;

    private static readonly byte[] _encryptionInfo = Encoding.ASCII.GetBytes("jumysbot/field-encryption/v2");
    private static readonly byte[] _keyIdInfo = Encoding.ASCII.GetBytes("jumysbot/key-id/v2");

    private readonly byte[]? _key;
    private readonly string? _keyId;
    private readonly Dictionary<string, byte[]> _readKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _unboundReadKeys = new(StringComparer.Ordinal);
    private readonly Action<string>? _reportUnreadable;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    /// <param name="reportUnreadable">Told, once per stored value, the id of the key a value could not be decrypted with.</param>
    public FieldProtector(string? key, IEnumerable<string>? previousKeys = null, Action<string>? reportUnreadable = null)
    {
        _reportUnreadable = reportUnreadable;
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        var configured = Decode(key);
        (_key, _keyId) = Derive(configured);
        foreach (var bytes in previousKeys?.Select(Decode).Prepend(configured) ?? [configured])
        {
            var (encryption, id) = Derive(bytes);
            _readKeys.TryAdd(id, encryption);
            _unboundReadKeys.TryAdd(UnboundKeyId(bytes), bytes);
        }
    }

    public static FieldProtector None { get; } = new(null);

    public bool IsEnabled => _key is not null;

    public string? Protect(string? plain, FieldPlace place)
    {
        if (plain is null)
        {
            return null;
        }

        if (_key is null)
        {
            // A comment typed as «enc2:a:b» must not be taken for a ciphertext when it is read back.
            return LooksMarked(plain) ? PlainMarker + plain : plain;
        }

        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBox = new byte[NonceSize + data.Length + TagSize];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, data, sealedBox.AsSpan(NonceSize, data.Length), sealedBox.AsSpan(NonceSize + data.Length, TagSize), place.AssociatedData());
        return $"{Marker}{_keyId}:{Convert.ToBase64String(sealedBox)}";
    }

    public string? Unprotect(string? stored, FieldPlace place)
    {
        if (stored is not null && stored.StartsWith(PlainMarker, StringComparison.Ordinal))
        {
            return stored[PlainMarker.Length..];
        }

        var bound = stored is not null && stored.StartsWith(Marker, StringComparison.Ordinal);
        if (stored is null || (!bound && !stored.StartsWith(UnboundMarker, StringComparison.Ordinal)))
        {
            // Written before encryption was switched on: readable as it is, and encrypted when next written.
            return stored;
        }

        var parts = stored.Split(':', 3);
        try
        {
            if (parts.Length != 3 || !(bound ? _readKeys : _unboundReadKeys).TryGetValue(parts[1], out var key))
            {
                throw new CryptographicException("A field was encrypted with a key that is not configured (Storage:EncryptionKey or Storage:PreviousEncryptionKeys).");
            }

            var sealedBox = Convert.FromBase64String(parts[2]);
            var length = sealedBox.Length - NonceSize - TagSize;
            if (length < 0)
            {
                throw new CryptographicException("The stored value is too short to be a ciphertext.");
            }

            var data = new byte[length];
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize, length), sealedBox.AsSpan(NonceSize + length, TagSize), data,
                bound ? place.AssociatedData() : default);
            return Encoding.UTF8.GetString(data);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            if (_reported.Count < MaxReported && _reported.TryAdd(stored, 0))
            {
                _reportUnreadable?.Invoke(parts.Length > 1 ? parts[1] : "none");
            }

            return null;
        }
    }

    private static bool LooksMarked(string value) =>
        value.StartsWith(Marker, StringComparison.Ordinal) || value.StartsWith(UnboundMarker, StringComparison.Ordinal) || value.StartsWith(PlainMarker, StringComparison.Ordinal);

    private static byte[] Decode(string key)
    {
        var bytes = Convert.FromBase64String(key.Trim());
        return bytes.Length == 32 ? bytes : throw new ArgumentException("Storage:EncryptionKey must be 32 bytes in base64 (openssl rand -base64 32).", nameof(key));
    }

    /// <summary>The configured key is never used as it is: one derived key encrypts, another names it in the stored values.</summary>
    private static (byte[] Encryption, string Id) Derive(byte[] configured) =>
        (HKDF.DeriveKey(HashAlgorithmName.SHA256, configured, 32, info: _encryptionInfo),
         Convert.ToHexStringLower(HKDF.DeriveKey(HashAlgorithmName.SHA256, configured, 4, info: _keyIdInfo)));

    /// <summary>How <c>enc1:</c> values named their key: the start of the configured key's SHA-256.</summary>
    private static string UnboundKeyId(byte[] configured) => Convert.ToHexStringLower(SHA256.HashData(configured))[..8];
}

/// <summary>Where an encrypted value lives: its table, its column and its row's key, bound to the ciphertext.</summary>
public readonly record struct FieldPlace(string Table, string Column, string Row)
{
    public FieldPlace(string table, string column, long row)
        : this(table, column, row.ToString(CultureInfo.InvariantCulture))
    {
    }

    internal byte[] AssociatedData() => Encoding.UTF8.GetBytes($"{Table}|{Column}|{Row}");

    public override string ToString() => $"{Table}|{Column}|{Row}";
}
