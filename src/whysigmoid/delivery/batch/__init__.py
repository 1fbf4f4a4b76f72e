"""Many renders at once: sweep files of variants, shards for job arrays, manifests, work lists."""
