"""Every complaint gets its unguessable registration number when it is stored."""

from kemenkumham.ham.content.registration_number import new_registration_number


def number_new_complaint(complaint, event):
    if not complaint.registration_number:
        complaint.registration_number = new_registration_number()
