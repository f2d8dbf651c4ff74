namespace Dashboard.Core.Data;

/// <summary>What is wrong with an input data set; each has its own message for the user.</summary>
public enum DataProblem
{
    FileNotFound,
    EmptyFile,
    HeaderOnly,
    EmptyColumnName,
    DuplicateColumnName,
    RaggedRow,
    UnterminatedQuote,
    NotText,
    FileTooLarge,
    TooManyColumns,
    TooManyRows,
    UnknownColumn,
    NotNumeric,
    TargetMissing,
    TargetConstant,
    TargetClassTooSmall,
    UnknownClass,
    NoFeatures,
    InvalidSetting,
    /// <summary>A slider's focus group has no training rows, so its share cannot be changed.</summary>
    EmptyFocusGroup,
    /// <summary>A client named a data set that is neither bundled nor an upload (e.g. a file path).</summary>
    UnknownDataset,
}
