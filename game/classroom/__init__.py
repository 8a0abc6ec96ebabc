"""Class mode: the participant side, the facilitator's server, the client they share."""
