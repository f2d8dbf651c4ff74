namespace Dashboard.Components.Explanations;

/// <summary>One test row of a confusion-matrix cell as the rows panel lists it.</summary>
/// <param name="TestRow">Its position among the test rows (the order of a result's scores).</param>
/// <param name="DataRow">Its index in the data set (what the hub's ExplainRow and the `explain` verb take).</param>
/// <param name="Values">Its values in the panel's columns, as the file has them.</param>
public sealed record CellRow(int TestRow, int DataRow, double Score, IReadOnlyList<string> Values);
