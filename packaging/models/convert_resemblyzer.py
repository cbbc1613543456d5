"""Convert Resemblyzer's GE2E voice encoder (pretrained.pt, Apache-2.0) to ONNX, once.

Run in a throwaway virtual environment, never in the app's (see README.md beside this file):

    python convert_resemblyzer.py OUTPUT.onnx

The graph is written with onnx.helper from the state dict rather than by torch.onnx.export:
the network is small (3-layer LSTM, 256 hidden, over 40 mel bands; linear 256; ReLU; L2
norm) and ONNX has an LSTM operator, so writing it by hand gives a plain, stable graph that
does not depend on the exporter of the day. PyTorch's LSTM gates are ordered i, f, g, o;
ONNX's are i, o, f, c, so each weight and bias is re-ordered on the way.

Input ``mel``: (batch, 160, 40) float32, Resemblyzer's mel spectrogram (power, not log) of
1.6 s windows; output ``embedding``: (batch, 256) float32, L2-normalised. At the end the
script runs the same random and real inputs through PyTorch and onnxruntime and fails if
they differ by more than 1e-5.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import onnx
import resemblyzer
import torch
from onnx import TensorProto, helper, numpy_helper
from resemblyzer import VoiceEncoder

HIDDEN = 256
LAYERS = 3
MEL_BANDS = 40
OPSET = 17


def _onnx_gate_order(weight: np.ndarray) -> np.ndarray:
    """PyTorch stacks the gates i, f, g, o along axis 0; ONNX wants i, o, f, c (c = g)."""
    i, f, g, o = np.split(weight, 4, axis=0)
    return np.concatenate([i, o, f, g], axis=0)


def build_graph(state: dict[str, torch.Tensor]) -> onnx.ModelProto:
    def array(name: str) -> np.ndarray:
        return state[name].detach().cpu().numpy().astype(np.float32)

    initializers: list[onnx.TensorProto] = []
    nodes: list[onnx.NodeProto] = [
        # (batch, time, bands) -> (time, batch, bands): ONNX LSTM's default layout.
        helper.make_node("Transpose", ["mel"], ["x0"], perm=[1, 0, 2]),
    ]
    layer_input = "x0"
    for layer in range(LAYERS):
        w = _onnx_gate_order(array(f"lstm.weight_ih_l{layer}"))[None]
        r = _onnx_gate_order(array(f"lstm.weight_hh_l{layer}"))[None]
        b = np.concatenate([_onnx_gate_order(array(f"lstm.bias_ih_l{layer}")),
                            _onnx_gate_order(array(f"lstm.bias_hh_l{layer}"))])[None]
        names = [f"lstm{layer}_W", f"lstm{layer}_R", f"lstm{layer}_B"]
        for name, value in zip(names, (w, r, b), strict=True):
            initializers.append(numpy_helper.from_array(value, name))
        nodes.append(helper.make_node(
            "LSTM", [layer_input, *names], [f"y{layer}", f"h{layer}"], hidden_size=HIDDEN))
        if layer < LAYERS - 1:
            # Y is (time, directions=1, batch, hidden): drop the direction axis.
            initializers.append(numpy_helper.from_array(np.array([1], np.int64), f"axis1_{layer}"))
            nodes.append(helper.make_node("Squeeze", [f"y{layer}", f"axis1_{layer}"],
                                          [f"x{layer + 1}"]))
            layer_input = f"x{layer + 1}"
    last = f"h{LAYERS - 1}"  # the last layer's final hidden state, (1, batch, hidden)
    initializers += [
        numpy_helper.from_array(np.array([0], np.int64), "axis0"),
        numpy_helper.from_array(array("linear.weight"), "linear_W"),
        numpy_helper.from_array(array("linear.bias"), "linear_B"),
        numpy_helper.from_array(np.array(1e-12, np.float32), "tiny"),
    ]
    nodes += [
        helper.make_node("Squeeze", [last, "axis0"], ["hidden"]),
        helper.make_node("Gemm", ["hidden", "linear_W", "linear_B"], ["projected"], transB=1),
        helper.make_node("Relu", ["projected"], ["positive"]),
        helper.make_node("ReduceL2", ["positive"], ["norm"], axes=[1], keepdims=1),
        # Only an all-zero vector (never seen on speech) would divide by zero.
        helper.make_node("Max", ["norm", "tiny"], ["safe_norm"]),
        helper.make_node("Div", ["positive", "safe_norm"], ["embedding"]),
    ]
    graph = helper.make_graph(
        nodes, "resemblyzer_ge2e",
        [helper.make_tensor_value_info("mel", TensorProto.FLOAT, ["batch", 160, MEL_BANDS])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", HIDDEN])],
        initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="meelezer convert_resemblyzer.py")
    model.doc_string = (
        f"Resemblyzer {getattr(resemblyzer, '__version__', '0.1.4')} GE2E voice encoder "
        "(pretrained.pt, Apache-2.0, Resemble AI), converted for Meelezer. Input: mel "
        "spectrogram (power) of 1.6 s at 16 kHz, 25 ms windows, 10 ms hop, 40 bands.")
    onnx.checker.check_model(model)
    return model


def largest_difference(encoder: VoiceEncoder, model_path: Path, mels: np.ndarray) -> float:
    import onnxruntime

    session = onnxruntime.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    with torch.no_grad():
        expected = encoder(torch.from_numpy(mels)).numpy()
    found = session.run(["embedding"], {"mel": mels})[0]
    return float(np.abs(expected - found).max())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    encoder = VoiceEncoder(device="cpu", verbose=False).eval()
    model = build_graph(encoder.state_dict())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(args.output))
    generator = np.random.default_rng(11)
    # Random mels at the scale of speech (power values up to ~10) and of near silence.
    loud = generator.gamma(0.5, 2.0, size=(8, 160, MEL_BANDS)).astype(np.float32)
    quiet = (loud * 1e-4).astype(np.float32)
    worst = max(largest_difference(encoder, args.output, mels) for mels in (loud, quiet))
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB); "
          f"largest |torch - onnxruntime| = {worst:.2e}")
    return 0 if worst <= 1e-5 else 1


if __name__ == "__main__":
    sys.exit(main())
