using System.Runtime.CompilerServices;

namespace Dashboard.Core.Training.Mlp;

/// <summary>
/// For each row of a batch, the columns whose value is not zero. One-hot rows are mostly zeros and
/// a ReLU layer's output is about half zeros; listing the rest once per batch lets the forward pass and
/// the gradient both skip them without a data-dependent branch per value, which the CPU mispredicts.
/// </summary>
internal sealed class NonZeroColumns
{
    private readonly int _width;
    private readonly int[] _columns;
    private readonly int[] _counts;

    public NonZeroColumns(int batchRows, int width)
    {
        _width = width;
        _columns = new int[batchRows * width];
        _counts = new int[batchRows];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Build(ReadOnlySpan<float> input, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            var x = input.Slice(r * _width, _width);
            var columns = _columns.AsSpan(r * _width, _width);
            var count = 0;
            for (var k = 0; k < x.Length; k++)
            {
                // Always write, advance only past a non-zero: compiles to a conditional set, not a jump.
                columns[count] = k;
                count += x[k] != 0 ? 1 : 0;
            }
            _counts[r] = count;
        }
    }

    public ReadOnlySpan<int> Row(int row) => _columns.AsSpan(row * _width, _counts[row]);
}
