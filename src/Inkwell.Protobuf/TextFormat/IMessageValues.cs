namespace Inkwell.Protobuf.TextFormat;

/// <summary>A message's values by field number, read from the wire or from text: what the required-field check walks.</summary>
internal interface IMessageValues
{
    TextMessageType MessageType { get; }

    /// <summary>Values by field number; a message field's values are <see cref="IMessageValues"/> too.</summary>
    SortedDictionary<int, List<object>> Values { get; }
}
