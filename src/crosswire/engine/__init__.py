"""Engines that run the ingest stages: the local pipeline (``crosswire.pipeline``) and Ray
Data (``engine/ray_data.py``, the ``crosswire[ray]`` extra)."""
