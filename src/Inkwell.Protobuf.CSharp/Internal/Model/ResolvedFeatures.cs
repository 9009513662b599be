using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>
/// The editions features the C# output depends on, resolved from the edition defaults through the
/// file, message and field. Proto2 and proto3 files behave as their fixed feature sets.
/// </summary>
internal sealed record ResolvedFeatures(
    FeatureSet.Types.FieldPresence FieldPresence,
    FeatureSet.Types.RepeatedFieldEncoding RepeatedFieldEncoding,
    FeatureSet.Types.MessageEncoding MessageEncoding,
    FeatureSet.Types.EnumType EnumType)
{
    public static readonly ResolvedFeatures Proto2 = new(
        FeatureSet.Types.FieldPresence.Explicit,
        FeatureSet.Types.RepeatedFieldEncoding.Expanded,
        FeatureSet.Types.MessageEncoding.LengthPrefixed,
        FeatureSet.Types.EnumType.Closed);

    public static readonly ResolvedFeatures Proto3 = new(
        FeatureSet.Types.FieldPresence.Implicit,
        FeatureSet.Types.RepeatedFieldEncoding.Packed,
        FeatureSet.Types.MessageEncoding.LengthPrefixed,
        FeatureSet.Types.EnumType.Open);

    /// <summary>The defaults of edition 2023 and 2024 for the features C# uses (the same in both).</summary>
    public static readonly ResolvedFeatures Edition2023 = new(
        FeatureSet.Types.FieldPresence.Explicit,
        FeatureSet.Types.RepeatedFieldEncoding.Packed,
        FeatureSet.Types.MessageEncoding.LengthPrefixed,
        FeatureSet.Types.EnumType.Open);

    /// <summary>Applies the features set explicitly in <paramref name="set"/> over these.</summary>
    public ResolvedFeatures With(FeatureSet? set)
    {
        if (set is null)
        {
            return this;
        }
        return new ResolvedFeatures(
            set.HasFieldPresence ? set.FieldPresence : FieldPresence,
            set.HasRepeatedFieldEncoding ? set.RepeatedFieldEncoding : RepeatedFieldEncoding,
            set.HasMessageEncoding ? set.MessageEncoding : MessageEncoding,
            set.HasEnumType ? set.EnumType : EnumType);
    }
}
