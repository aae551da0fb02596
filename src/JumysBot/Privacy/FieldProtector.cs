using System.Security.Cryptography;
using System.Text;

namespace JumysBot.Privacy;

/// <summary>
/// Encrypts personal fields at rest with AES-GCM when <c>Storage:EncryptionKey</c> is set: each value gets its own
/// nonce, and carries the id of its key so older keys (<c>Storage:PreviousEncryptionKeys</c>) still read it after a
/// rotation. Without a key, values pass through unchanged, except one that merely looks encrypted, which is marked as
/// plain so it reads back as typed. A value that cannot be decrypted (its key is gone, it was damaged) reads as empty
/// and is reported once, so it never fails every update of the person it belongs to.
/// </summary>
public sealed class FieldProtector
{
    private const string Marker = "enc1:";
    private const string PlainMarker = "raw1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int MaxReported = 10_000;

    private readonly byte[]? _key;
    private readonly string? _keyId;
    private readonly Dictionary<string, byte[]> _readKeys = new(StringComparer.Ordinal);
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

        _key = Decode(key);
        _keyId = KeyId(_key);
        _readKeys[_keyId] = _key;
        foreach (var previous in previousKeys ?? [])
        {
            var bytes = Decode(previous);
            _readKeys[KeyId(bytes)] = bytes;
        }
    }

    public static FieldProtector None { get; } = new(null);

    public bool IsEnabled => _key is not null;

    public string? Protect(string? plain)
    {
        if (plain is null)
        {
            return null;
        }

        if (_key is null)
        {
            // A comment typed as «enc1:a:b» must not be taken for a ciphertext when it is read back.
            return plain.StartsWith(Marker, StringComparison.Ordinal) || plain.StartsWith(PlainMarker, StringComparison.Ordinal) ? PlainMarker + plain : plain;
        }

        var data = Encoding.UTF8.GetBytes(plain);
        var sealedBox = new byte[NonceSize + data.Length + TagSize];
        var nonce = sealedBox.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, data, sealedBox.AsSpan(NonceSize, data.Length), sealedBox.AsSpan(NonceSize + data.Length, TagSize));
        return $"{Marker}{_keyId}:{Convert.ToBase64String(sealedBox)}";
    }

    public string? Unprotect(string? stored)
    {
        if (stored is not null && stored.StartsWith(PlainMarker, StringComparison.Ordinal))
        {
            return stored[PlainMarker.Length..];
        }

        if (stored is null || !stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            // Written before encryption was switched on: readable as it is, and encrypted when next written.
            return stored;
        }

        var parts = stored.Split(':', 3);
        try
        {
            if (parts.Length != 3 || !_readKeys.TryGetValue(parts[1], out var key))
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
            aes.Decrypt(sealedBox.AsSpan(0, NonceSize), sealedBox.AsSpan(NonceSize, length), sealedBox.AsSpan(NonceSize + length, TagSize), data);
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

    private static byte[] Decode(string key)
    {
        var bytes = Convert.FromBase64String(key.Trim());
        return bytes.Length == 32 ? bytes : throw new ArgumentException("Storage:EncryptionKey must be 32 bytes in base64 (openssl rand -base64 32).", nameof(key));
    }

    private static string KeyId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];
}
