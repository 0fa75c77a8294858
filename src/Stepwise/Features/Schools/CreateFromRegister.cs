using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Reference;

namespace Stepwise.Features.Schools;

/// <summary>
/// A new school filled in from the national register (Get Information About Schools, as imported with
/// `stepwise import register`) where the school is in it: what the register says, for the person to check and change.
/// </summary>
public sealed class CreateFromRegister(AppDbContext db)
{
    /// <summary>The register's description of the school as the form's fields, or null if the register does not hold it.</summary>
    public async Task<SchoolInput?> LookUpAsync(int urn, CancellationToken ct)
    {
        var known = await db.ReferenceSchools.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn, ct);
        return known is null ? null : new SchoolInput
        {
            Urn = urn.ToString(CultureInfo.InvariantCulture),
            Name = known.Name,
            Phase = RegisterPhase.Of(known.Phase, known.Type) is Phase phase ? Codes.Of(phase) : null,
            Status = Codes.Of(StatusOf(known.Status)),
            Type = known.Type,
            LocalAuthority = known.LocalAuthority,
            Postcode = known.Postcode,
            Pupils = known.Pupils,
            PercentFreeSchoolMeals = known.PercentFreeSchoolMeals,
        };
    }

    /// <summary>What the person gave, with each field they left empty taken from the register (when it holds the school).</summary>
    public async Task<SchoolInput> FillAsync(SchoolInput input, CancellationToken ct)
    {
        if (!Urns.TryParse(input.Urn, out var urn) || await LookUpAsync(urn, ct) is not { } register)
        {
            return input;
        }
        return input with
        {
            Name = Text.Clean(input.Name) ?? register.Name,
            Phase = Text.Clean(input.Phase) ?? register.Phase,
            Status = Text.Clean(input.Status) ?? register.Status,
            Type = Text.Clean(input.Type) ?? register.Type,
            LocalAuthority = Text.Clean(input.LocalAuthority) ?? register.LocalAuthority,
            Postcode = Text.Clean(input.Postcode) ?? register.Postcode,
            Pupils = input.Pupils ?? register.Pupils,
            PercentFreeSchoolMeals = input.PercentFreeSchoolMeals ?? register.PercentFreeSchoolMeals,
        };
    }

    private static SchoolStatus StatusOf(string? status) => status?.Trim() switch
    {
        "Closed" => SchoolStatus.Closed,
        "Open, but proposed to close" => SchoolStatus.Closing,
        "Proposed to open" => SchoolStatus.Proposed,
        _ => SchoolStatus.Open,
    };
}
