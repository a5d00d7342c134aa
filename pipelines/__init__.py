"""Item pipeline stages; their order in ``ITEM_PIPELINES`` is the data flow."""
