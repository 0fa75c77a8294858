using Stepwise.Features.Frameworks;
using Stepwise.Features.Stages;

namespace Stepwise.Tests.Features.Frameworks;

/// <summary>The frameworks and stage guidance shipped as data load, pass their own rules and say what the design says.</summary>
public sealed class TheFrameworkLibrary
{
    [Fact]
    public void The_Ofsted_framework_has_the_renewed_areas_on_the_five_point_scale_and_safeguarding_met_or_not()
    {
        var ofsted = FrameworkLibrary.Find(FrameworkLibrary.Ofsted)!;
        Assert.Equal(
            ["inclusion", "curriculum-and-teaching", "achievement", "attendance-and-behaviour", "personal-development-and-well-being",
             "early-years", "sixth-form", "leadership-and-governance", "safeguarding"],
            ofsted.Areas!.Select(a => a.Key!).ToList());
        var fivePoint = ofsted.Scales!.Single(s => s.Key == "five-point");
        Assert.Equal(["Exceptional", "Strong standard", "Expected standard", "Needs attention", "Urgent improvement"], fivePoint.Grades!.Select(g => g.Name!).ToList());
        Assert.Equal("met-not-met", ofsted.Areas!.Single(a => a.Key == "safeguarding").Scale);
        Assert.NotNull(ofsted.Areas!.Single(a => a.Key == "sixth-form").AppliesWhere);
    }

    [Fact]
    public void The_inside_out_rings_put_pupil_learning_at_the_centre_and_the_wider_system_outside()
    {
        var rings = FrameworkLibrary.Find(FrameworkLibrary.InsideOut)!;
        var groups = rings.Areas!.Select(a => a.Group).Distinct().ToList();
        Assert.Equal(5, groups.Count);
        Assert.Contains("pupil learning", groups[0]!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("wider system", groups[^1]!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(rings.Areas!, a => a.Name!.Contains("instructional leadership", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_trust_quality_framework_is_trust_level_with_the_five_pillars_and_the_school_frameworks_are_school_level()
    {
        var trust = FrameworkLibrary.Find(FrameworkLibrary.TrustQuality)!;
        Assert.Equal("trust", trust.Level);
        Assert.Equal(["high-quality-and-inclusive-education", "school-improvement", "workforce", "finance-and-operations", "governance-and-leadership"],
            trust.Areas!.Select(a => a.Key!).ToList());
        Assert.All(trust.Areas!, a => Assert.False(string.IsNullOrWhiteSpace(a.Description), a.Key));
        Assert.Equal([FrameworkLibrary.InsideOut, FrameworkLibrary.Ofsted, FrameworkLibrary.TrustQuality], FrameworkLibrary.All.Select(d => d.Key!).ToList());
        Assert.All(FrameworkLibrary.All.Where(d => d.Key != FrameworkLibrary.TrustQuality), d => Assert.True(d.Level is null or "school", d.Key));
    }

    [Fact]
    public void Every_library_definition_passes_the_rules_a_trust_import_must_pass()
    {
        Assert.All(FrameworkLibrary.All, d => Assert.False(FrameworkRules.Check(d).Any, d.Key));
    }

    [Fact]
    public void Each_stage_has_guidance_for_leaders()
    {
        Assert.Equal(["stabilise", "repair", "improve", "sustain"], StageGuidance.All.Stages.Select(g => g.Key).ToList());
        Assert.All(StageGuidance.All.Stages, g =>
        {
            Assert.NotEmpty(g.Leadership);
            Assert.NotEmpty(g.TypicalActions);
        });
    }
}
