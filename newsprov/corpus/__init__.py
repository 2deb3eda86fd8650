"""Corpus mode: the same annotators, run over WARC/JSONL/HTML corpora on Dask, written as
Parquet (see db/parquet.py for the layout)."""
