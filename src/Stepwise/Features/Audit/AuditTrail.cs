using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Stepwise.Data;
using Stepwise.Features.Accounts;
using Stepwise.Features.People;
using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;

namespace Stepwise.Features.Audit;

/// <summary>
/// The changes one SaveChanges is about to write, turned into audit entries once the keys are known.
/// </summary>
internal sealed class AuditTrail
{
    private static readonly HashSet<Type> Audited =
    [
        typeof(Trust), typeof(School), typeof(Unit), typeof(Person), typeof(Membership),
        typeof(Pupil), typeof(PupilCharacteristic), typeof(ApiToken),
    ];

    /// <summary>Never written into the log, whatever their value.</summary>
    private static readonly HashSet<string> Secret =
    [
        nameof(Person.PasswordHash), nameof(Trust.PseudonymSecret), nameof(ApiToken.Hash),
    ];

    /// <summary>Bookkeeping that changes on its own and says nothing about what a person did.</summary>
    private static readonly HashSet<string> Noise =
    [
        nameof(Person.SecurityStamp), nameof(Person.ConcurrencyStamp), nameof(Person.AccessFailedCount),
        nameof(Person.NormalizedEmail), nameof(Person.NormalizedUserName), nameof(Person.UserName),
        nameof(Person.EmailConfirmed), nameof(Person.PhoneNumberConfirmed), nameof(Person.LockoutEnabled),
    ];

    private readonly List<(EntityEntry Entry, string Action, string Summary, string? Key)> _changes = [];

    public bool IsEmpty => _changes.Count == 0;

    public static AuditTrail None { get; } = new();

    public static AuditTrail Capture(ChangeTracker tracker)
    {
        var trail = new AuditTrail();
        foreach (var entry in tracker.Entries())
        {
            if (!Audited.Contains(entry.Metadata.ClrType) && entry.Entity is not IAudited)
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    // Described once saved, when generated keys and foreign keys have their real values.
                    trail._changes.Add((entry, "Created", "", null));
                    break;
                case EntityState.Deleted:
                    trail._changes.Add((entry, "Deleted", Describe(entry.Properties, p => Show(p.OriginalValue)), KeyOf(entry)));
                    break;
                case EntityState.Modified:
                    var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.All(p => Noise.Contains(p.Metadata.Name)))
                    {
                        continue;
                    }
                    var summary = Describe(changed, p => $"{Show(p.OriginalValue)} → {Show(p.CurrentValue)}");
                    trail._changes.Add((entry, Verb(entry, changed), summary, KeyOf(entry)));
                    break;
            }
        }
        return trail;
    }

    public IEnumerable<AuditEntry> ToEntries(DateTime at, TrustScope scope) =>
        _changes.Select(c => new AuditEntry
        {
            TrustId = TrustOf(c.Entry.Entity),
            At = at,
            PersonId = scope.PersonId,
            Actor = scope.Actor,
            Action = c.Action,
            Entity = c.Entry.Metadata.ClrType.Name,
            EntityKey = c.Key ?? KeyOf(c.Entry),
            Summary = c.Entry.Entity is IAuditedPrivately
                ? PrivateSummary
                : Truncate(c.Action == "Created" ? Describe(c.Entry.Properties, p => Show(p.CurrentValue), skipEmpty: true) : c.Summary, 4000),
        });

    /// <summary>What the log says of a private record's change: that it changed, never what it says.</summary>
    public const string PrivateSummary = "Content not recorded: it is private to the two people it belongs to.";

    private static string Verb(EntityEntry entry, List<PropertyEntry> changed) =>
        changed.Any(p => p.Metadata.Name == "ArchivedAt") && entry.Property("ArchivedAt").CurrentValue is not null
            ? "Archived"
            : "Updated";

    private static int TrustOf(object entity) => entity switch
    {
        Trust trust => trust.Id,
        ITrustOwned owned => owned.TrustId,
        _ => 0,
    };

    private static string KeyOf(EntityEntry entry) => entry.Entity switch
    {
        School school => school.Urn.ToString(CultureInfo.InvariantCulture),
        _ => string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
    };

    /// <summary>"Name: value; …" for the properties worth reading; <paramref name="skipEmpty"/> leaves out unset ones.</summary>
    private static string Describe(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, string> show, bool skipEmpty = false)
    {
        var text = new StringBuilder();
        foreach (var p in properties)
        {
            var name = p.Metadata.Name;
            if (p.Metadata.IsPrimaryKey() || Noise.Contains(name) || name == nameof(ITrustOwned.TrustId))
            {
                continue;
            }
            if (skipEmpty && p.CurrentValue is null or false or 0)
            {
                continue;
            }
            text.Append(text.Length == 0 ? "" : "; ").Append(name).Append(": ")
                .Append(Secret.Contains(name) ? "(changed)" : show(p));
        }
        return text.ToString();
    }

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string s => $"\"{s}\"",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
