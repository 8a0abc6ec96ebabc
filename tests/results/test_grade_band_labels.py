"""The class histogram's grade names never overlap, even when thresholds are close."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from game.results.class_charts import grade_labels


def test_close_thresholds_get_separate_lines() -> None:
    fig, ax = plt.subplots(figsize=(12, 6.5))
    try:
        ax.hist([20, 40, 55, 56, 60, 70, 71, 90], bins=8)
        grades = [
            ("Istimewa", 85.0),
            ("Baik", 70.0),
            ("Butuh Perbaikan", 55.0),
            ("Needs improvement", 60.0),
            ("Kurang", -1000.0),
        ]
        texts = grade_labels(ax, grades)
        assert [t.get_text().strip() for t in texts] == [
            "Butuh Perbaikan",
            "Needs improvement",
            "Baik",
            "Istimewa",
        ]
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        boxes = [t.get_window_extent(renderer) for t in texts]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b)
        assert len({round(t.get_position()[1], 3) for t in texts}) >= 2  # some moved down
    finally:
        plt.close(fig)
