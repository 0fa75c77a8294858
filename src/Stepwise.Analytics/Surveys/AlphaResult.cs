namespace Stepwise.Analytics.Surveys;

/// <summary>Cronbach's alpha with Feldt's confidence interval (methods.md §5).</summary>
/// <param name="Items">k, the number of items.</param>
/// <param name="Respondents">n, respondents who answered every item (listwise deletion).</param>
/// <param name="Alpha">α; null when undefined (k &lt; 2, n &lt; 2 or zero total variance).</param>
/// <param name="Confidence">Confidence level of the interval, e.g. 0.95.</param>
/// <param name="Low">Feldt lower bound; null when α is undefined.</param>
/// <param name="High">Feldt upper bound; null when α is undefined.</param>
public sealed record AlphaResult(int Items, int Respondents, double? Alpha, double Confidence, double? Low, double? High);
