namespace Stepwise.Analytics.Comparators;

/// <summary>
/// Weights of the squared normalised differences in the pupil distance (methods.md §3.2). The defaults are DfE's; a
/// trust may adjust them, and the weights in use should be shown to the user.
/// </summary>
/// <param name="Pupils">Weight on number of pupils (DfE 0.5; special schools 0.6).</param>
/// <param name="FreeSchoolMeals">Weight on FSM % (DfE 0.4, special schools too).</param>
/// <param name="Sen">Weight on SEN % (DfE 0.1); unused for special schools, which use primary needs instead.</param>
public sealed record ComparatorWeights(double Pupils, double FreeSchoolMeals, double Sen)
{
    /// <summary>DfE FBIT weights for mainstream schools: 0.5 pupils, 0.4 FSM %, 0.1 SEN %.</summary>
    public static ComparatorWeights Dfe { get; } = new(0.5, 0.4, 0.1);

    /// <summary>DfE FBIT weights for special schools: 0.6 pupils, 0.4 FSM % (plus the unweighted primary needs).</summary>
    public static ComparatorWeights DfeSpecial { get; } = new(0.6, 0.4, 0);

    internal void Validate()
    {
        if (!(Pupils >= 0 && FreeSchoolMeals >= 0 && Sen >= 0) || Pupils + FreeSchoolMeals + Sen <= 0 ||
            !double.IsFinite(Pupils + FreeSchoolMeals + Sen))
        {
            throw new ArgumentOutOfRangeException(nameof(ComparatorWeights), "Weights must be finite, non-negative and not all zero.");
        }
    }
}
