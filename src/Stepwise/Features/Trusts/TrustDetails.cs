using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Trusts;

public sealed record TrustSummary(string Name, string? CompanyNumber, int Schools, int People, int Pupils, bool CanEdit);

public sealed record TrustInput
{
    public string? Name { get; init; }
    public string? CompanyNumber { get; init; }
}

/// <summary>The signed-in person's trust: shown to everyone in it, changed by trust administrators.</summary>
public sealed partial class TrustDetails(AppDbContext db, TrustScope scope, AccessControl access)
{
    [GeneratedRegex("^[A-Z0-9]{8}$")]
    private static partial Regex CompanyNumberPattern();

    public async Task<TrustSummary> GetAsync(CancellationToken ct)
    {
        var trust = await db.Trusts.SingleAsync(t => t.Id == scope.TrustId, ct);
        var schools = await (await access.SchoolsAsync(Permission.ViewSchool, ct)).CountAsync(s => s.ArchivedAt == null, ct);
        return new TrustSummary(trust.Name, trust.CompanyNumber, schools,
            await db.Users.CountAsync(p => p.ArchivedAt == null, ct),
            await db.Pupils.CountAsync(ct),
            await access.CanAcrossTrustAsync(Permission.ManagePeople, ct) && await access.CanAcrossTrustAsync(Permission.ViewAudit, ct));
    }

    public async Task<Outcome<TrustSummary>> UpdateAsync(TrustInput input, CancellationToken ct)
    {
        if (!await access.CanAcrossTrustAsync(Permission.ViewAudit, ct))
        {
            return Outcome<TrustSummary>.Forbidden();
        }
        var trust = await db.Trusts.SingleAsync(t => t.Id == scope.TrustId, ct);
        var problems = new Problems().Require("name", input.Name, "trust's name", 200);
        var name = Text.Clean(input.Name);
        var number = Text.Clean(input.CompanyNumber)?.ToUpperInvariant();
        if (number is not null && !CompanyNumberPattern().IsMatch(number))
        {
            problems.Add("companyNumber", $"A Companies House number is 8 letters or digits, like 07654321 (\"{number}\" is not).");
        }
        if (problems.Any)
        {
            return Outcome<TrustSummary>.Invalid(problems);
        }
        trust.Name = name!;
        trust.CompanyNumber = number;
        await db.SaveChangesAsync(ct);
        return Outcome<TrustSummary>.Ok(await GetAsync(ct));
    }
}
