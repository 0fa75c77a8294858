namespace Stepwise.Common;

/// <summary>What a use case did: succeeded with a value, found the input invalid, or found nothing the user may see.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeKind kind, T? value, IDictionary<string, string[]>? errors)
    {
        Kind = kind;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public OutcomeKind Kind { get; }
    public T? Value { get; }

    /// <summary>Field name (as in the API's JSON, camelCase) → messages.</summary>
    public IDictionary<string, string[]> Errors { get; }

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null);
    public static Outcome<T> Invalid(Problems problems) => new(OutcomeKind.Invalid, default, problems.ToDictionary());
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null);
    public static Outcome<T> Forbidden() => new(OutcomeKind.Forbidden, default, null);

    /// <summary>The value turned into another (a record as the API shows it, say); any other outcome passed on as it is.</summary>
    public async Task<Outcome<TNext>> ThenAsync<TNext>(Func<T, Task<TNext>> next) =>
        Kind == OutcomeKind.Ok ? Outcome<TNext>.Ok(await next(Value!)) : new Outcome<TNext>(Kind, default, Errors);
}

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
}

/// <summary>Collects validation messages per field; field names are the API's camelCase names.</summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public Problems Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public Problems Require(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Enter the {label}.");
        }
        else if (value.Trim().Length > maxLength)
        {
            Add(field, $"The {label} must be {maxLength} characters or fewer.");
        }
        return this;
    }

    public Problems Optional(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
        {
            Add(field, $"The {label} must be {maxLength} characters or fewer.");
        }
        return this;
    }

    public Problems Percentage(string field, double? value, string label)
    {
        if (value is < 0 or > 100 || (value is double v && double.IsNaN(v)))
        {
            Add(field, $"The {label} must be between 0 and 100.");
        }
        return this;
    }

    public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}

public static class Text
{
    /// <summary>Trims, and turns an empty string into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
