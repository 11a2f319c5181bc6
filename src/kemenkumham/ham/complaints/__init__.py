"""Complaints (pengaduan dugaan pelanggaran HAM) after Permenkumham 23/2022.

The case (what happened, to which right, by which kind of party) is ordinary content that only
complaint officers see. The complainant's and witnesses' identity is kept apart from it,
encrypted with a key that lives outside the database (crypto.py), and every read of it is logged
(identity.py, accesslog.py).
"""
