namespace Inkwell.Reload.Internal;

/// <summary>What the host needs of a <see cref="LiveHandle{T}"/> of any <c>T</c>.</summary>
internal interface ILiveHandle
{
    void Invalidate();
}
