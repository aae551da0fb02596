using System.Collections.Immutable;

namespace JumysBot.Conversations;

/// <summary>
/// The parts of a person's profile that features own (their requests, a subscription to announcements), kept by type.
/// The core carries them from the store to the features and back without knowing any of them.
/// </summary>
public sealed class ProfileParts : IEquatable<ProfileParts>
{
    private readonly ImmutableDictionary<Type, object> _parts;

    private ProfileParts(ImmutableDictionary<Type, object> parts) => _parts = parts;

    public static ProfileParts Empty { get; } = new(ImmutableDictionary<Type, object>.Empty);

    public T? Get<T>()
        where T : class => _parts.TryGetValue(typeof(T), out var part) ? (T)part : null;

    /// <summary>The parts with <paramref name="part"/> set, or removed when it is null.</summary>
    public ProfileParts With<T>(T? part)
        where T : class => new(part is null ? _parts.Remove(typeof(T)) : _parts.SetItem(typeof(T), part));

    public bool Equals(ProfileParts? other) =>
        other is not null && other._parts.Count == _parts.Count
        && _parts.All(p => other._parts.TryGetValue(p.Key, out var value) && Equals(p.Value, value));

    public override bool Equals(object? obj) => Equals(obj as ProfileParts);

    public override int GetHashCode() => _parts.Count;
}
