using Stepwise.Features.Access;

namespace Stepwise.Features.People;

public sealed record MembershipRow(int Id, string Role, string RoleTitle, string Scope, int? Urn, string? SchoolName, int? UnitId, string? UnitName, DateOnly? EndsOn, bool Active);

public sealed record PersonSummary(int Id, string Email, string Name, string? JobTitle, bool Archived, bool TwoFactor, List<MembershipRow> Memberships);

/// <summary>A role to grant: <see cref="School"/> is a URN, or empty for the whole trust.</summary>
public sealed record MembershipInput
{
    public string? Role { get; init; }
    public string? School { get; init; }
    public int? UnitId { get; init; }
    public DateOnly? EndsOn { get; init; }
}

/// <summary>A new person and their first role.</summary>
public sealed record PersonInput
{
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? JobTitle { get; init; }
    public string? Role { get; init; }
    public string? School { get; init; }
    public int? UnitId { get; init; }
    public DateOnly? EndsOn { get; init; }

    /// <summary>Optional: otherwise a temporary password is made, shown once, and must be changed at first sign-in.</summary>
    public string? Password { get; init; }

    /// <summary>True: no password is made; a one-time invitation link is, for them to choose their own.</summary>
    public bool Invite { get; init; }

    public MembershipInput Membership => new() { Role = Role, School = School, UnitId = UnitId, EndsOn = EndsOn };
}

public sealed record PersonDetailsInput
{
    public string? Email { get; init; }
    public string? Name { get; init; }
    public string? JobTitle { get; init; }
}

/// <summary>A new person with what lets them in, shown once: a temporary password or an invitation link (its path, or the whole link on the API).</summary>
public sealed record CreatedPerson(PersonSummary Person, string? TemporaryPassword, string? InvitationLink = null, DateTime? InvitationExpiresAt = null);

internal static class MembershipText
{
    public static string Scope(Membership m, string? schoolName, string? unitName) =>
        unitName is not null ? $"{unitName}, {schoolName}" : schoolName ?? "Whole trust";

    public static MembershipRow Row(Membership m, int? urn, string? schoolName, string? unitName, DateOnly today) =>
        new(m.Id, m.Role.Code(), m.Role.Title(), Scope(m, schoolName, unitName), urn, schoolName, m.UnitId, unitName, m.EndsOn, m.IsActiveOn(today));
}
