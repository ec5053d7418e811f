// Placeholder until this layer has sources; keeps the static library non-empty.
namespace rl { [[maybe_unused]] static int layer_placeholder_diagnosis; }
