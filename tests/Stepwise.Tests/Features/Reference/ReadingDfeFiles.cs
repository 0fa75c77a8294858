using System.Text;
using Stepwise.Features.Reference;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Reference;

/// <summary>The national files in ../shared/data, read as published: exact row counts, spot values, and markers kept as missing.</summary>
public sealed class ReadingDfeFiles
{
    private static (List<NationalRow> Rows, List<Stepwise.Features.Imports.RowProblem> Problems) ReadAll(string path, FileLayout layout)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var results = PerformanceTableReader.Read(text, layout).ToList();
        return (results.Where(r => r.Row is not null).Select(r => r.Row!).ToList(), results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList());
    }

    [Fact]
    public void Hampshire_ks2_2017_18_has_every_row_with_its_record_type_and_the_published_figures()
    {
        var (rows, problems) = ReadAll(SharedData.Path("dfe-hampshire-surrey", "ks2", "2017-18", "850_ks2final.csv"), NationalMeasures.Ks2);
        Assert.Empty(problems);
        Assert.Equal(331, rows.Count);
        Assert.Equal(312, rows.Count(r => r.RecordType == RecordType.School));
        Assert.Equal(16, rows.Count(r => r.RecordType == RecordType.SpecialSchool));
        Assert.Equal(1, rows.Count(r => r.RecordType == RecordType.LocalAuthority));
        Assert.Equal(2, rows.Count(r => r.RecordType == RecordType.England));

        var kingsWorthy = rows.Single(r => r.Urn == 115922);
        Assert.Equal("Kings Worthy Primary School", kingsWorthy.Name);
        Assert.Equal(73, kingsWorthy.Values["ks2.rwm-expected"].Value);
        Assert.Equal(1.1, kingsWorthy.Values["ks2.reading-progress"].Value);
        Assert.Equal(58, kingsWorthy.Values["ks2.rwm-expected-disadvantaged"].Value);
        Assert.Equal(77, kingsWorthy.Values["ks2.rwm-expected-other"].Value);
        Assert.Equal(-2.6, rows.Single(r => r.Urn == 116295).Values["ks2.reading-progress"].Value);

        var small = rows.Single(r => r.Urn == 116296).Values;
        Assert.Equal(33, small["ks2.rwm-expected"].Value);
        Assert.Equal(110, small["ks2.reading-average"].Value);
        Assert.Equal(new DfeCell(null, "SUPP"), small["ks2.reading-progress"]);
        Assert.Equal(new DfeCell(null, "SUPP"), small["ks2.rwm-expected-disadvantaged"]);

        var hampshire = rows.Single(r => r.RecordType == RecordType.LocalAuthority);
        Assert.Equal(("Hampshire", "850", 68.0), (hampshire.Name, hampshire.LaCode, hampshire.Values["ks2.rwm-expected"].Value!.Value));
        var england = rows.First(r => r.RecordType == RecordType.England);
        Assert.Equal(64, england.Values["ks2.rwm-expected"].Value);
        Assert.Equal("blank", england.Values["ks2.reading-progress"].Missing);
    }

    [Fact]
    public void England_ks4_2019_keeps_na_and_ne_as_missing_and_separates_local_and_national_rows()
    {
        var (rows, problems) = ReadAll(SharedData.Path("dfe-england-2019", "england_ks4provisional.csv"), NationalMeasures.Ks4);
        Assert.Empty(problems);
        Assert.Equal(5652, rows.Count);
        Assert.Equal(155, rows.Count(r => r.RecordType == RecordType.LocalAuthority));
        Assert.Equal(2, rows.Count(r => r.RecordType == RecordType.England));

        var acland = rows.Single(r => r.Urn == 100053).Values;
        Assert.Equal(47.2, acland["ks4.attainment-8"].Value);
        Assert.Equal(-0.08, acland["ks4.progress-8"].Value);
        Assert.Equal(66.2, acland["ks4.english-maths-4"].Value);
        Assert.Equal(4.29, acland["ks4.ebacc-aps"].Value);
        Assert.Equal("NE", rows.Single(r => r.Urn == 100096).Values["ks4.attainment-8"].Missing);
        Assert.Equal("NA", rows.Single(r => r.Urn == 100003).Values["ks4.attainment-8"].Missing);
        Assert.Equal(1376, rows.Count(r => r.Values["ks4.attainment-8"].Missing == "NA"));
    }

    [Fact]
    public void England_census_and_absence_read_every_school_and_the_national_rows()
    {
        var (census, censusProblems) = ReadAll(SharedData.Path("dfe-england-2019", "england_census.csv"), NationalMeasures.Census);
        Assert.Empty(censusProblems);
        Assert.Equal(23942, census.Count);
        Assert.Equal(3, census.Count(r => r.RecordType == RecordType.England));
        var first = census.Single(r => r.Urn == 100000).Values;
        Assert.Equal((285.0, 16.2, 17.5, 1.8, 49.5), (first["census.pupils"].Value!.Value, first["census.fsm-ever"].Value!.Value,
            first["census.sen-support"].Value!.Value, first["census.ehc-plan"].Value!.Value, first["census.eal"].Value!.Value));
        Assert.Equal("NA", census.Single(r => r.Urn == 100001).Values["census.fsm-ever"].Missing);

        var (absence, absenceProblems) = ReadAll(SharedData.Path("dfe-england-2019", "england_abs.csv"), NationalMeasures.Absence);
        Assert.Empty(absenceProblems);
        Assert.Equal(21217, absence.Count);
        Assert.Equal(3, absence.Count(r => r.RecordType == RecordType.England));
        Assert.Equal(2.6, absence.Single(r => r.Urn == 100000).Values["absence.overall"].Value);
        Assert.Equal(new DfeCell(null, "SUPP"), absence.Single(r => r.Urn == 100027).Values["absence.persistent"]);
    }

    [Fact]
    public void A_damaged_file_reports_each_bad_cell_by_line_and_column()
    {
        var csv = "RECTYPE,LEA,URN,SCHNAME,PTRWM_EXP,READPROG\n1,850,116296,A School,33%,1.2\n1,850,12AB,B School,lots,SUPP\n9,850,116297,C School,50%,0\n";
        var results = PerformanceTableReader.Read(new StringReader(csv), NationalMeasures.Ks2).ToList();
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!.ToString()).ToList();
        Assert.Equal(
        [
            "line 3, column \"URN\": a school's URN must be 6 digits (found \"12AB\")",
            "line 3, column \"PTRWM_EXP\": is neither a number nor a DfE marker (SUPP, NE, NA, LOWCOV, x, c, z …) (found \"lots\")",
            "line 4, column \"RECTYPE\": is not a record type of a ks2 file (1, 2, 3, 4, 5) (found \"9\")",
        ], problems);
        Assert.Single(results, r => r.Row is not null);
    }

    [Fact]
    public void A_file_of_the_wrong_kind_is_named_at_its_header()
    {
        var results = PerformanceTableReader.Read(new StringReader("LA,ESTAB,URN,PERCTOT\n201,3614,100000,2.6\n"), NationalMeasures.Ks2).ToList();
        Assert.Contains(results, r => r.Problem?.Reason == "the header has no \"RECTYPE\" column: is this a ks2 file?");
    }

    [Theory]
    [InlineData("45%", 45.0, null)]
    [InlineData(" -1.2 ", -1.2, null)]
    [InlineData("SUPP", null, "SUPP")]
    [InlineData("LOWCOV", null, "LOWCOV")]
    [InlineData("x", null, "x")]
    [InlineData(" ", null, "blank")]
    public void A_cell_is_a_number_or_missing_with_its_reason_and_never_zero(string raw, double? value, string? missing)
    {
        Assert.True(DfeCell.TryParse(raw, out var cell));
        Assert.Equal(new DfeCell(value, missing), cell);
    }
}
