package org.bpogovernance.security;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonProfileRepository extends JpaRepository<PersonProfile, String> {
}
