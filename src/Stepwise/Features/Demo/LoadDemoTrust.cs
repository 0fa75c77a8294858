using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Benchmarking;
using Stepwise.Features.People;
using Stepwise.Features.Plans;
using Stepwise.Features.Pupils;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;

namespace Stepwise.Features.Demo;

/// <summary>
/// Loads the demo trust: six fictional schools with units, staff in every role and about 2,600 synthetic pupils.
/// The data is the same every time (a seeded generator); loading into a database that already holds the demo
/// trust changes nothing, and nothing else is ever touched.
/// </summary>
public sealed class LoadDemoTrust(AppDbContext db, TrustScope scope, IPasswordHasher<Person> hasher, TimeProvider clock, DeriveSchoolMetrics derive, DemoFigures figures, DemoImprovementLoop improvementLoop,
    TrustReviews.ReadRisk risk, TrustEvaluation.DemoTrustEvaluation trustEvaluation)
{
    public const string TrustName = "Larkhaven Learning Trust";
    public const string Password = "stepwise-demo-2026";

    public sealed record Account(string Email, string Role, string Scope);

    public sealed record Result(bool Loaded, string TrustName, string Password, List<Account> Accounts, int Pupils);

    /// <summary>How far a load has got: <paramref name="Done"/> of <see cref="Steps"/> steps, and the one now running.</summary>
    public sealed record Step(int Done, string What);

    /// <summary>The steps of a load: the trust, each school's data, its plans and surveys, then (by the caller) England's figures.</summary>
    public static int Steps => DemoSchools.All.Length + 3;

    public async Task<Result> HandleAsync(CancellationToken ct, IProgress<Step>? progress = null)
    {
        scope.ActAsSystem("demo loader");
        // Found by its key, not its name: the trust may have been renamed since.
        var existing = await db.Trusts.FirstOrDefaultAsync(t => t.Key == Trust.DemoKey, ct);
        if (existing is not null)
        {
            return new Result(false, existing.Name, Password, Accounts(), await db.Pupils.CountAsync(p => p.TrustId == existing.Id, ct));
        }

        await RefuseConflictsAsync(ct);
        progress?.Report(new Step(0, "the schools, staff and pupils"));

        var now = clock.UtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var trust = new Trust { Name = TrustName, Key = Trust.DemoKey, CompanyNumber = "09990001", CreatedAt = now };
        db.Trusts.Add(trust);
        await db.SaveChangesAsync(ct);
        scope.ActAsSystemInTrust(trust.Id, "demo loader");

        var schools = DemoSchools.All.ToDictionary(s => s.Urn, s => new School
        {
            TrustId = trust.Id,
            Urn = s.Urn,
            Name = s.Name,
            Phase = s.Phase,
            Type = s.Type,
            LocalAuthority = s.LocalAuthority,
            Postcode = s.Postcode,
            Pupils = s.Pupils,
            PercentFreeSchoolMeals = s.Fsm,
            PercentDisadvantaged = s.Disadvantaged,
            PercentSen = Math.Round(s.SenSupport + s.EhcPlan, 1),
            PercentEal = s.Eal,
        });
        db.Schools.AddRange(schools.Values);
        await db.SaveChangesAsync(ct);

        var units = await AddUnitsAsync(trust, schools, ct);
        AddPeople(trust, schools, units, now);
        await db.SaveChangesAsync(ct);

        // Thousands of pupils go in as bulk inserts with one audit entry for the lot, not one per row.
        var pupils = new DemoPupils(trust.PseudonymSecret, trust.Id).Generate(schools);
        await BulkInsert.InsertAsync(db, pupils, ct);
        var ids = await db.Pupils.Where(p => p.TrustId == trust.Id).Select(p => new { p.Key, p.Id }).ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        var characteristics = new List<PupilCharacteristic>();
        foreach (var pupil in pupils)
        {
            pupil.Id = ids[pupil.Key];
            foreach (var characteristic in pupil.Characteristics)
            {
                characteristic.PupilId = ids[pupil.Key];
                characteristics.Add(characteristic);
            }
        }
        await BulkInsert.InsertAsync(db, characteristics, ct);
        db.Audit(trust.Id, "Created", "Pupil", "demo", $"Loaded {pupils.Count:N0} synthetic demo pupils with {characteristics.Count:N0} characteristics");
        await db.SaveChangesAsync(ct);
        await AddSchoolDataAsync(trust, schools, pupils, now, progress, ct);
        progress?.Report(new Step(Steps - 2, "benchmarking figures, plans and surveys"));
        // Published-style figures for the invented schools, so that the demo can be benchmarked (ADR 0020).
        await figures.HandleAsync(ct);
        // Frameworks, judgements, stages and plans whose goals sit on the series just derived (issue 6).
        await improvementLoop.LoadAsync(schools, units, Leaders(), "Helen Marsh", ct);
        await Surveys.DemoSurveys.AddAsync(db, trust.Id, schools, now, ct);
        // Learning teams, enquiries, driver diagrams, measures and PDSA cycles (issue 19).
        await Enquiries.DemoEnquiries.AddAsync(db, trust.Id, schools, units, now, ct);
        // The shared language (the starter published, a version 2 draft) and improvement models, before rounds and coaching use them (issue 20).
        await SharedLanguage.DemoSharedLanguage.AddAsync(db, trust.Id, schools, now, ct);
        await PeerReviews.DemoPeerReviews.AddAsync(db, trust.Id, schools, now, ct);
        await Coaching.DemoCoaching.AddAsync(db, trust.Id, schools, now, ct);
        await Rounds.DemoRounds.AddAsync(db, trust.Id, schools, now, ct);
        // Trust reviews with findings and follow-ups, and a support tier for every school beside its rating (issue 22).
        await TrustReviews.DemoTrustReviews.AddAsync(db, risk, trust.Id, schools, now, ct);
        // Support between schools: networks, capacities, needs and episodes where every school gives and receives (issue 22).
        await Support.DemoSupport.AddAsync(db, trust.Id, schools, now, ct);
        // The practice library: resources shared by several schools, strands on entries (issue 22; after the demos whose records feed it).
        await Practice.DemoPractice.AddAsync(db, trust.Id, schools, now, ct);
        // The trust's self-evaluation against the trust quality pillars (issue 22).
        await trustEvaluation.AddAsync(trust.Id, now, ct);

        await transaction.CommitAsync(ct);
        return new Result(true, TrustName, Password, Accounts(), pupils.Count);
    }

    /// <summary>Attendance and assessments for every demo pupil, with provenance, and the metric series they give.</summary>
    private async Task AddSchoolDataAsync(Trust trust, Dictionary<int, School> schools, List<Pupil> pupils, DateTime now, IProgress<Step>? progress, CancellationToken ct)
    {
        var generator = new DemoSchoolData(trust.Id, DateOnly.FromDateTime(now));
        var done = 1;
        foreach (var school in schools.Values)
        {
            progress?.Report(new Step(done++, $"attendance and assessments for {school.Name}"));
            DataImport Provenance(string kind) => new()
            {
                TrustId = trust.Id, SchoolId = school.Id, Kind = kind, FileName = $"demo-{kind}.csv (synthetic)", Hash = $"demo-{kind}-{school.Urn}",
                Actor = "demo loader", At = now,
            };
            var (attendanceImport, assessmentImport) = (Provenance("attendance"), Provenance("assessments"));
            db.DataImports.AddRange(attendanceImport, assessmentImport);
            await db.SaveChangesAsync(ct);
            var data = generator.Generate(school, pupils.Where(p => p.SchoolId == school.Id).ToList(), attendanceImport.Id, assessmentImport.Id);
            // Derived after each kind, so every figure names the file it came from.
            await BulkInsert.InsertAsync(db, data.Attendance, ct);
            await derive.ForSchoolAsync(school.Id, attendanceImport.Id, ct);
            await BulkInsert.InsertAsync(db, data.Assessments, ct);
            (attendanceImport.Read, attendanceImport.Accepted, attendanceImport.Added) = (data.AttendanceMarks, data.AttendanceMarks, data.AttendanceMarks);
            (assessmentImport.Read, assessmentImport.Accepted, assessmentImport.Added) = (data.Assessments.Count, data.Assessments.Count, data.Assessments.Count);
            db.Audit(trust.Id, "Imported", nameof(DataImport), school.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Synthetic demo data for {school.Name}: {data.AttendanceMarks:N0} attendance marks, {data.Assessments.Count:N0} assessment results");
            await db.SaveChangesAsync(ct);
            await derive.ForSchoolAsync(school.Id, assessmentImport.Id, ct);
        }
    }

    /// <summary>
    /// The demo never changes or deletes other data, so if a school already uses a demo URN or a person a demo email
    /// address (say the demo trust was renamed), it stops with a clear message before writing anything.
    /// </summary>
    private async Task RefuseConflictsAsync(CancellationToken ct)
    {
        var urns = DemoSchools.All.Select(s => s.Urn).ToList();
        var taken = await db.Schools.Where(s => urns.Contains(s.Urn)).Select(s => s.Urn).OrderBy(u => u).ToListAsync(ct);
        var emails = DemoStaff.All.Select(s => DemoStaff.Email(s).ToUpperInvariant()).ToList();
        var used = await db.Users.Where(p => emails.Contains(p.NormalizedEmail!)).Select(p => p.Email).OrderBy(e => e).ToListAsync(ct);
        if (taken.Count > 0 || used.Count > 0)
        {
            var clashes = taken.Select(u => $"URN {u}").Concat(used.Select(e => e!)).ToList();
            var named = string.Join(", ", clashes.Take(3)) + (clashes.Count > 3 ? $" and {clashes.Count - 3} more" : "");
            throw new InvalidOperationException(
                $"The demo trust cannot be loaded: {named} already in use outside the demo trust. Nothing was changed.");
        }
    }

    private async Task<Dictionary<(int Urn, string Key), Unit>> AddUnitsAsync(Trust trust, Dictionary<int, School> schools, CancellationToken ct)
    {
        var units = new Dictionary<(int, string), Unit>();
        foreach (var school in schools.Values)
        {
            units[(school.Urn, "whole")] = new Unit { TrustId = trust.Id, SchoolId = school.Id, Kind = UnitKind.WholeSchool, Name = "Whole school" };
            foreach (var (key, kind, name, _) in DemoSchools.Units(school.Phase))
            {
                units[(school.Urn, key)] = new Unit { TrustId = trust.Id, SchoolId = school.Id, Kind = kind, Name = name };
            }
        }
        db.Units.AddRange(units.Values);
        await db.SaveChangesAsync(ct);
        foreach (var school in schools.Values)
        {
            foreach (var (key, _, _, parent) in DemoSchools.Units(school.Phase).Where(u => u.Parent is not null))
            {
                units[(school.Urn, key)].ParentUnitId = units[(school.Urn, parent!)].Id;
            }
        }
        return units;
    }

    private void AddPeople(Trust trust, Dictionary<int, School> schools, Dictionary<(int, string), Unit> units, DateTime now)
    {
        // One shared, published demo password: hashed once (210,000 PBKDF2 iterations take a while).
        var hash = hasher.HashPassword(null!, Password);
        foreach (var spec in DemoStaff.All)
        {
            var email = DemoStaff.Email(spec);
            var person = new Person
            {
                TrustId = trust.Id,
                Email = email,
                UserName = email,
                NormalizedEmail = email.ToUpperInvariant(),
                NormalizedUserName = email.ToUpperInvariant(),
                DisplayName = $"{spec.First} {spec.Last}",
                JobTitle = spec.JobTitle,
                PasswordHash = hash,
                SecurityStamp = $"demo-{email}",
                EmailConfirmed = true,
                LockoutEnabled = true,
                CreatedAt = now,
            };
            person.Memberships.Add(new Membership
            {
                TrustId = trust.Id,
                Role = spec.Role,
                SchoolId = spec.Urn is int urn ? schools[urn].Id : null,
                UnitId = spec is { Urn: int u, Unit: string unit } ? units[(u, unit)].Id : null,
                EndsOn = spec.Reviewer ? DateOnly.FromDateTime(now).AddYears(1) : null,
                CreatedAt = now,
            });
            db.Users.Add(person);
        }
    }

    /// <summary>Each school's headteacher (or principal), who signs its self-evaluation and plan.</summary>
    private static Dictionary<int, string> Leaders() => DemoStaff.All
        .Where(s => s is { Urn: int, Role: Role.SchoolLeader })
        .GroupBy(s => s.Urn!.Value)
        .ToDictionary(g => g.Key, g => $"{g.First().First} {g.First().Last}");

    /// <summary>The demo's accounts: the same every time, known before it is loaded.</summary>
    public static List<Account> Accounts() => DemoStaff.All
        .Select(s => new Account(DemoStaff.Email(s), s.Role.Code(), Describe(s)))
        .ToList();

    private static string Describe(DemoStaff.Spec s)
    {
        if (s.Urn is not int urn)
        {
            return "whole trust";
        }
        var school = DemoSchools.All.First(d => d.Urn == urn).Name;
        var unit = s.Unit is null ? null : DemoSchools.Units(DemoSchools.All.First(d => d.Urn == urn).Phase).FirstOrDefault(u => u.Key == s.Unit).Name;
        return unit is null ? $"{school} ({urn})" : $"{unit}, {school} ({urn})";
    }
}
