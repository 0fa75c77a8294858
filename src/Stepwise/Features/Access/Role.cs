namespace Stepwise.Features.Access;

/// <summary>What a person does in a trust. Written in kebab case on the command line and in JSON.</summary>
public enum Role
{
    TrustAdmin,
    TrustLeader,
    SchoolLeader,
    Teacher,
    Governor,
    Reviewer,
    DataManager,

    /// <summary>For a local authority or hosted service: creates trusts and nothing else (sees no trust's schools or pupils).</summary>
    ServiceAdmin,
}

public static class RoleNames
{
    private static readonly Dictionary<Role, (string Code, string Title)> Names = new()
    {
        [Role.TrustAdmin] = ("trust-admin", "Trust administrator"),
        [Role.TrustLeader] = ("trust-leader", "Trust leader"),
        [Role.SchoolLeader] = ("school-leader", "School leader"),
        [Role.Teacher] = ("teacher", "Teacher"),
        [Role.Governor] = ("governor", "Governor"),
        [Role.Reviewer] = ("reviewer", "External reviewer"),
        [Role.DataManager] = ("data-manager", "Data manager"),
        [Role.ServiceAdmin] = ("service-admin", "Service administrator"),
    };

    public static IEnumerable<Role> All => Names.Keys;

    public static string Code(this Role role) => Names[role].Code;

    public static string Title(this Role role) => Names[role].Title;

    public static bool TryParse(string? code, out Role role)
    {
        foreach (var (r, n) in Names)
        {
            if (string.Equals(n.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }

    public static string AllCodes => string.Join(", ", Names.Values.Select(n => n.Code));
}
