"""Democratic life: debates and proposals, follow-up of commitments, councils and votes, citizen juries."""
