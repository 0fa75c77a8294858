namespace Stepwise.Data;

/// <summary>
/// Who is acting in this request or command, and which trust's rows they may touch.
/// Filled once per request from the signed-in user's claims (or once per command for the command line);
/// <see cref="AppDbContext"/> filters every tenant-owned query by it.
/// </summary>
public sealed class TrustScope
{
    public int? TrustId { get; private set; }
    public int? PersonId { get; private set; }
    public string Actor { get; private set; } = "anonymous";

    /// <summary>True for the command line and the demo loader: they act across trusts, and say so.</summary>
    public bool IsSystem { get; private set; }

    public void ActAsPerson(int trustId, int personId, string actor)
    {
        TrustId = trustId;
        PersonId = personId;
        Actor = actor;
        IsSystem = false;
    }

    public void ActAsSystem(string actor)
    {
        TrustId = null;
        PersonId = null;
        Actor = actor;
        IsSystem = true;
    }

    /// <summary>A system actor narrowed to one trust, so that new rows get its id and audit entries name it.</summary>
    public void ActAsSystemInTrust(int trustId, string actor)
    {
        ActAsSystem(actor);
        TrustId = trustId;
    }
}
